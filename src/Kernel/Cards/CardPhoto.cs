using System.Buffers.Binary;

namespace SupervisionCore.Kernel.Cards;

/// <summary>What an uploaded photo turned out to be.</summary>
/// <param name="MediaType"><c>image/jpeg</c> or <c>image/png</c> (by magic bytes), or null when neither.</param>
/// <param name="Width">Pixels across (0 when unknown).</param>
/// <param name="Height">Pixels down (0 when unknown).</param>
/// <param name="Problem">Why the photo is refused, or null when it is fit for the card.</param>
/// <param name="Status">The HTTP status of the refusal: 413 too large, 415 not JPEG/PNG, 400 unreadable or unfit dimensions; 0 when fit.</param>
public sealed record PhotoInspection(string? MediaType, int Width, int Height, LocalizedText? Problem, int Status)
{
    /// <summary>True when the photo may go on the card.</summary>
    public bool Fit => Problem is null;
}

/// <summary>
/// 证卡照片 (card photo): the card annex prints "照片：彩色1寸照片（尺寸2.5cm×3.5cm）", a portrait. An upload is judged by its
/// bytes, never by its name or declared type: JPEG (<c>FF D8 FF</c>) or PNG (the 8-byte signature), at most
/// <see cref="MaxBytes"/>, with dimensions read from the file (PNG IHDR, JPEG SOF) between <see cref="MinSide"/> and
/// <see cref="MaxSide"/> pixels a side and a portrait or square shape no taller than twice its width (a 1寸 photo is
/// 5:7). Input validation of an upload, not a rule of law: refusals are problems naming the field <c>photo</c>.
/// </summary>
public static class CardPhoto
{
    /// <summary>512 KiB.</summary>
    public const int MaxBytes = 512 * 1024;

    /// <summary>Smallest side in pixels (a 2.5 cm side printed at about 100 dpi).</summary>
    public const int MinSide = 100;

    /// <summary>Largest side in pixels.</summary>
    public const int MaxSide = 4000;

    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Inspects <paramref name="bytes"/>.</summary>
    public static PhotoInspection Inspect(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length == 0) return Refuse(null, 0, 0, 400, "照片为空", "the photo is empty");
        if (bytes.Length > MaxBytes) return Refuse(null, 0, 0, 413, $"照片不得超过 {MaxBytes / 1024} KiB（现为 {bytes.Length} 字节）", $"the photo must be at most {MaxBytes / 1024} KiB (it is {bytes.Length} bytes)");
        string type;
        (int W, int H)? size;
        if (bytes.StartsWith(PngSignature)) { type = "image/png"; size = PngSize(bytes); }
        else if (bytes.Length >= 3 && bytes[0] == 0xFF && bytes[1] == 0xD8 && bytes[2] == 0xFF) { type = "image/jpeg"; size = JpegSize(bytes); }
        else return Refuse(null, 0, 0, 415, "照片须为 JPEG 或 PNG 图像（按文件内容判断）", "the photo must be a JPEG or PNG image (judged by its content)");
        if (size is not { } s) return Refuse(type, 0, 0, 400, "无法读取照片的尺寸：文件不完整或已损坏", "the photo's dimensions cannot be read: the file is truncated or damaged");
        if (s.W < MinSide || s.H < MinSide || s.W > MaxSide || s.H > MaxSide)
            return Refuse(type, s.W, s.H, 400, $"照片尺寸 {s.W}×{s.H} 像素超出范围（每边 {MinSide}–{MaxSide} 像素）", $"the photo is {s.W}×{s.H} px; each side must be {MinSide}–{MaxSide} px");
        if (s.W > s.H || s.H > 2 * s.W)
            return Refuse(type, s.W, s.H, 400, $"照片须为竖幅证件照（1寸，宽:高约5:7），现为 {s.W}×{s.H}", $"the photo must be an upright ID photo (1-inch, about 5:7 wide to high); it is {s.W}×{s.H}");
        return new PhotoInspection(type, s.W, s.H, null, 0);
    }

    private static PhotoInspection Refuse(string? type, int w, int h, int status, string zh, string en) => new(type, w, h, new LocalizedText(zh, en), status);

    // PNG: signature, then the IHDR chunk (length 13, "IHDR", width, height big-endian).
    private static (int, int)? PngSize(ReadOnlySpan<byte> b)
    {
        if (b.Length < 24 || b[12] != (byte)'I' || b[13] != (byte)'H' || b[14] != (byte)'D' || b[15] != (byte)'R') return null;
        var w = BinaryPrimitives.ReadUInt32BigEndian(b[16..]);
        var h = BinaryPrimitives.ReadUInt32BigEndian(b[20..]);
        return w is 0 or > int.MaxValue || h is 0 or > int.MaxValue ? null : ((int)w, (int)h);
    }

    // JPEG: walk the segments after SOI to the first SOF marker (C0–CF but C4 DHT, C8 JPG, CC DAC), which holds height, width.
    private static (int, int)? JpegSize(ReadOnlySpan<byte> b)
    {
        var i = 2;
        while (i + 4 <= b.Length)
        {
            if (b[i] != 0xFF) return null;
            var marker = b[i + 1];
            if (marker == 0xFF) { i++; continue; } // fill byte
            if (marker is 0xD8 or (>= 0xD0 and <= 0xD7) or 0x01) { i += 2; continue; } // no length
            if (marker is 0xD9 or 0xDA) return null; // end of image or start of scan before any frame
            var length = BinaryPrimitives.ReadUInt16BigEndian(b[(i + 2)..]);
            if (length < 2 || i + 2 + length > b.Length) return null;
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                if (length < 7) return null;
                int h = BinaryPrimitives.ReadUInt16BigEndian(b[(i + 5)..]);
                int w = BinaryPrimitives.ReadUInt16BigEndian(b[(i + 7)..]);
                return w == 0 || h == 0 ? null : (w, h);
            }
            i += 2 + length;
        }
        return null;
    }
}
