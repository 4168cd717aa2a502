using SupervisionCore.Plugins.Testing;

namespace SupervisionCore.Plugins.Region.Tests;

/// <summary>
/// The SupervisionCore conformance kit: manifest, rule catalogue, extensions, forms, the case tables in cases/, and the
/// pack loaded in the real Host next to its bundled packs (needs SUPERVISIONCORE_HOST_DIR or SupervisionCoreHostDir).
/// </summary>
public sealed class Conformance : PackConformance<PolicyPack>;
