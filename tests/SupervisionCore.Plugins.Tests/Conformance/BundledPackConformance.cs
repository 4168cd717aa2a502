using SupervisionCore.Plugins.Testing;

namespace SupervisionCore.Plugins.Tests.Conformance;

// The bundled packs pass the same conformance kit a third-party pack inherits (SupervisionCore.Plugins.Testing).
// Manifests come from packs/<id>/pack.json, case tables from cases/<id>/ (plugins/<Pack>/cases/, linked by the
// project file), and the Host from $(SupervisionCoreHostDir) (src/Host's build output with its bundled packs).

public sealed class GuangdongConformance : PackConformance<SupervisionCore.Plugins.Guangdong.PolicyPack>;

public sealed class BeijingEtdzConformance : PackConformance<SupervisionCore.Plugins.BeijingEtdz.PolicyPack>;

public sealed class YunnanConformance : PackConformance<SupervisionCore.Plugins.Yunnan.PolicyPack>;
