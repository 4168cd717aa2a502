using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;

namespace SupervisionCore.Kernel.Cards;

/// <summary>A national card number taken apart (CN 附件 证卡编码规则).</summary>
/// <param name="Value">The number as printed (upper case).</param>
/// <param name="Kind">External (R) or internal (H/Y/S).</param>
/// <param name="ClassLetter">证卡类别代码: <c>R</c>, or <c>H</c>/<c>Y</c>/<c>S</c>.</param>
/// <param name="IssuerCode">证卡颁发机构代码: 2 digits of table 3 (external) or 6 digits (internal).</param>
/// <param name="IssuerName">The issuing authority's name when the code says it (table 3); null for internal issuers.</param>
/// <param name="Year">Four-digit issue year (20yy).</param>
/// <param name="Serial">证卡序列码, 1–9999.</param>
/// <param name="AllocationKey">The sequence the serial belongs to (scheme, issuer, year).</param>
public sealed record DecodedCardNumber(
    string Value,
    SupervisorKind Kind,
    char ClassLetter,
    string IssuerCode,
    LocalizedText? IssuerName,
    int Year,
    int Serial,
    CardAllocationKey AllocationKey)
{
    /// <summary>The contract form (<see cref="CardNumber"/>).</summary>
    public CardNumber ToCardNumber() => new(Value, Kind, AllocationKey, Year, Serial);
}
