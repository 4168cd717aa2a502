using FastEndpoints;
using SupervisionCore.Plugins.Guangdong.Rules;
using AccessRoles = SupervisionCore.Kernel.Access.Roles;

namespace SupervisionCore.Plugins.Guangdong.Features.Cities.List;

/// <summary>Lists the 21 cities of GD annex 1 table 3 (gd.card.external-format).</summary>
public sealed class Endpoint : EndpointWithoutRequest<Response>
{
    public override void Configure()
    {
        Get("/api/v1/regions/gd/cities");
        Roles([.. AccessRoles.All]);
        Description(b => b.WithName("gd.cities.list"));
        Tags("gd");
        Summary(s =>
        {
            s.Summary = "List Guangdong's cities and their card letters";
            s.Description = "The 21 prefecture-level cities of GD annex 1 table 3 (地级以上市人力资源社会保障部门代码表): " +
                            "card letter, jurisdiction code, name and the shape of their external card numbers " +
                            $"({GuangdongRules.CardExternalFormat.Id}, {GuangdongRules.CardExternalFormat.Citation}).";
        });
    }

    public override Task HandleAsync(CancellationToken ct) =>
        Send.OkAsync(new Response
        {
            Cities = Guangdong.Cities.All.Select(c => new CityItem
            {
                Letter = c.Letter.ToString(),
                Jurisdiction = c.Jurisdiction.Value,
                Name = c.Name,
                CardPrefixHint = c.CardPrefixHint,
            }).ToList(),
        }, ct);
}
