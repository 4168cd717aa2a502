using SupervisionCore.Kernel.Cards;

namespace SupervisionCore.Kernel.Plugins;

/// <summary>
/// 证卡样式 (card face, additive to contract 1.3): a pack whose text prints its own card sample gives its face for the cards
/// it covers; the most specific pack whose scope contains the card's jurisdiction and that answers wins, else the national
/// face (<see cref="NationalCardFaces"/>).
/// </summary>
public interface ICardFace : IPackExtension
{
    /// <summary>The face of a card of <paramref name="kind"/> (<c>external</c>/<c>internal</c>) numbered by <paramref name="scheme"/>, or null when the pack prints none.</summary>
    CardFaceLayout? For(string kind, string scheme);
}
