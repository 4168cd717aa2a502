using System.Linq.Expressions;
using System.Security.Claims;
using SupervisionCore.Kernel.Registry;

namespace SupervisionCore.Host.Access;

/// <summary>Filters a query to the principal's jurisdiction subtree, in SQL (the same rule as <see cref="Principal.CanAccess"/>).</summary>
public static class JurisdictionScope
{
    public static IQueryable<T> WithinJurisdictionOf<T>(this IQueryable<T> query, ClaimsPrincipal user, Expression<Func<T, string>> jurisdiction)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(jurisdiction);
        if (user.Jurisdiction() is not { } own) return query.Where(_ => false);
        return query.WithinJurisdiction(own, jurisdiction);
    }

    public static IQueryable<T> WithinJurisdiction<T>(this IQueryable<T> query, JurisdictionCode own, Expression<Func<T, string>> jurisdiction)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(jurisdiction);
        if (own.IsNational) return query;
        var value = own.Value;
        var body = jurisdiction.Body;
        Expression condition = Expression.Equal(body, Expression.Constant(value));
        if (!own.IsSubJurisdiction)
        {
            var startsWith = typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string)])!;
            condition = Expression.OrElse(condition, Expression.Call(body, startsWith, Expression.Constant(value + ".")));
        }
        return query.Where(Expression.Lambda<Func<T, bool>>(condition, jurisdiction.Parameters));
    }
}
