using FluentValidation;

namespace SupervisionCore.Host.Infrastructure;

/// <summary>Paging parameters of list endpoints: page from 1, page size 1–100 (default 20).</summary>
public abstract class PagedRequest
{
    public const int MaxPageSize = 100;

    /// <summary>Page number, from 1.</summary>
    public int? Page { get; set; }

    /// <summary>Items per page, 1–100 (default 20).</summary>
    public int? PageSize { get; set; }

    internal int Skip => ((Page ?? 1) - 1) * Take;

    internal int Take => PageSize ?? 20;
}

/// <summary>Validates the paging parameters; list validators include it.</summary>
public sealed class PagedRequestValidator : AbstractValidator<PagedRequest>
{
    public PagedRequestValidator()
    {
        RuleFor(r => r.Page).GreaterThanOrEqualTo(1).LessThanOrEqualTo(1_000_000);
        RuleFor(r => r.PageSize).InclusiveBetween(1, PagedRequest.MaxPageSize);
    }
}

/// <summary>One page of a list.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, int Total);
