using SupervisionCore.Kernel.Forms;

namespace SupervisionCore.Kernel.Plugins;

/// <summary>
/// 表格 (form catalogue): the forms a pack's documents prescribe (records, feedback, checklists), as data the Host
/// serves, validates submissions against and prints. A form version is immutable once published.
/// </summary>
public interface IFormCatalogue : IPackExtension
{
    /// <summary>Every form, every published version.</summary>
    IReadOnlyList<FormDefinition> Forms { get; }
}
