using System.Buffers.Binary;
using SupervisionCore.Kernel.Cards;

namespace SupervisionCore.Kernel.Tests.Cards;

/// <summary>The card photo (CN card annex: 彩色1寸照片) judged by its bytes at every limit.</summary>
public class CardPhotoTests
{
    /// <summary>A PNG signature and IHDR with the size, padded to <paramref name="length"/> bytes.</summary>
    private static byte[] Png(int width, int height, int length = 1024)
    {
        var b = new byte[length];
        byte[] head = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R'];
        head.CopyTo(b, 0);
        BinaryPrimitives.WriteInt32BigEndian(b.AsSpan(16), width);
        BinaryPrimitives.WriteInt32BigEndian(b.AsSpan(20), height);
        return b;
    }

    /// <summary>SOI, an APP0 segment, then SOF<paramref name="sof"/> with the size, padded.</summary>
    private static byte[] Jpeg(int width, int height, int length = 1024, byte sof = 0xC0)
    {
        var b = new byte[length];
        byte[] head = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0,
            0xFF, sof, 0x00, 0x11, 0x08, (byte)(height >> 8), (byte)height, (byte)(width >> 8), (byte)width, 3];
        head.CopyTo(b, 0);
        return b;
    }

    public static TheoryData<string, byte[], int, string?> Cases => new()
    {
        // name, bytes, expected status (0 = fit), media type
        { "A_1_inch_PNG", Png(295, 413), 0, "image/png" },
        { "A_1_inch_JPEG", Jpeg(295, 413), 0, "image/jpeg" },
        { "A_progressive_JPEG", Jpeg(295, 413, sof: 0xC2), 0, "image/jpeg" },
        { "Exactly_512_KiB", Png(295, 413, CardPhoto.MaxBytes), 0, "image/png" },
        { "One_byte_over_512_KiB", Png(295, 413, CardPhoto.MaxBytes + 1), 413, null },
        { "Empty", [], 400, null },
        { "A_GIF", "GIF89a\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0"u8.ToArray(), 415, null },
        { "Text_named_photo_jpg", "not an image at all, just text"u8.ToArray(), 415, null },
        { "PNG_signature_without_IHDR", Png(295, 413).Take(12).ToArray(), 400, "image/png" },
        { "JPEG_without_a_frame", Jpeg(295, 413).Take(20).ToArray(), 400, "image/jpeg" },
        { "Smallest_side_100", Png(100, 140), 0, "image/png" },
        { "Side_99", Png(99, 140), 400, "image/png" },
        { "Largest_side_4000", Png(2000, 4000), 0, "image/png" },
        { "Side_4001", Png(2001, 4001), 400, "image/png" },
        { "Square", Png(300, 300), 0, "image/png" },
        { "Landscape_by_one_pixel", Png(301, 300), 400, "image/png" },
        { "Twice_as_tall", Png(200, 400), 0, "image/png" },
        { "Over_twice_as_tall", Png(200, 401), 400, "image/png" },
        { "Zero_width", Png(0, 400), 400, "image/png" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_photo_is_judged_by_its_bytes(string name, byte[] bytes, int status, string? mediaType)
    {
        var inspection = CardPhoto.Inspect(bytes);
        inspection.Status.ShouldBe(status, name);
        inspection.Fit.ShouldBe(status == 0, name);
        inspection.MediaType.ShouldBe(mediaType, name);
        if (status != 0)
        {
            inspection.Problem!.Zh.ShouldNotBeNullOrWhiteSpace(name);
            inspection.Problem.En.ShouldNotBeNullOrWhiteSpace(name);
        }
    }

    [Fact]
    public void The_size_read_is_the_frames()
    {
        var jpeg = CardPhoto.Inspect(Jpeg(358, 441));
        (jpeg.Width, jpeg.Height).ShouldBe((358, 441));
        var png = CardPhoto.Inspect(Png(295, 413));
        (png.Width, png.Height).ShouldBe((295, 413));
    }

    [Theory]
    [InlineData("external", "cn.card-face.external", "质量督导员（外督）")]
    [InlineData("internal", "cn.card-face.internal", "质量督导员（内督）")]
    public void The_national_face_names_the_kind(string kind, string id, string line)
    {
        var face = NationalCardFaces.For(kind);
        face.Id.ShouldBe(id);
        face.FrontTitle[1].Zh.ShouldBe(line);
        face.Labels.Select(l => l.Key).ShouldBe(["name", "number", "validity", "issuer"]);
        face.Citation.Document.ShouldBe("CN");
    }
}
