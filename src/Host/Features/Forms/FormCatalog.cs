using SupervisionCore.Host.Infrastructure;
using SupervisionCore.Kernel.Forms;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;

namespace SupervisionCore.Host.Features.Forms;

/// <summary>A form with where it applies and who defines it.</summary>
public sealed record ScopedForm(FormDefinition Form, JurisdictionCode Scope, string Pack);

/// <summary>Every form of the kernel and the enabled packs (forms are data: <see cref="FormDefinition"/>).</summary>
public sealed class FormCatalog(IEnumerable<IFormCatalogue> packCatalogues) : ISingletonService
{
    private readonly IReadOnlyList<ScopedForm> _forms =
    [
        .. NationalForms.All.Select(f => new ScopedForm(f, NationalForms.Scope, "cn")),
        .. packCatalogues.SelectMany(c => c.Forms.Select(f => new ScopedForm(f, c.Scope, c.PackId))),
    ];

    /// <summary>Forms that apply in <paramref name="jurisdiction"/> (or, for a parent node, in a part of it); all when null.</summary>
    public IEnumerable<ScopedForm> For(JurisdictionCode? jurisdiction) =>
        _forms.Where(f => jurisdiction is not { } j || f.Scope.Contains(j) || j.Contains(f.Scope));

    /// <summary>Forms usable for a record in exactly <paramref name="jurisdiction"/> (national and the packs' governing it).</summary>
    public IEnumerable<ScopedForm> ApplicableIn(JurisdictionCode jurisdiction) => _forms.Where(f => f.Scope.Contains(jurisdiction));

    /// <summary>A form by id: the given version, or the newest.</summary>
    public ScopedForm? Find(string id, int? version = null) =>
        _forms.Where(f => f.Form.Id == id && (version is null || f.Form.Version == version)).MaxBy(f => f.Form.Version);
}
