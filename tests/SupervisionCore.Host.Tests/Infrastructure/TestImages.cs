using System.Buffers.Binary;
using System.IO.Compression;
using System.Net.Http.Headers;

namespace SupervisionCore.Host.Tests.Infrastructure;

/// <summary>Real images for upload tests: a valid PNG of any size (one colour), and a JPEG header with its frame size.</summary>
public static class TestImages
{
    /// <summary>A valid RGB PNG of <paramref name="width"/> × <paramref name="height"/>, one colour.</summary>
    public static byte[] Png(int width, int height, byte r = 0x3A, byte g = 0x6E, byte b = 0xA5)
    {
        using var raw = new MemoryStream();
        var row = new byte[1 + width * 3];
        for (var x = 0; x < width; x++) { row[1 + x * 3] = r; row[2 + x * 3] = g; row[3 + x * 3] = b; }
        for (var y = 0; y < height; y++) raw.Write(row);
        using var compressed = new MemoryStream();
        using (var z = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true)) raw.WriteTo(z);
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8; // bit depth
        ihdr[9] = 2; // truecolour
        Chunk(png, "IHDR", ihdr);
        Chunk(png, "IDAT", compressed.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary>The start of a baseline JPEG (SOI, APP0, SOF0 with the size), padded with zero bytes to <paramref name="length"/>.</summary>
    public static byte[] JpegHeader(int width, int height, int length = 2048)
    {
        var b = new byte[Math.Max(length, 40)];
        byte[] head = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0,
            0xFF, 0xC0, 0x00, 0x11, 0x08, (byte)(height >> 8), (byte)height, (byte)(width >> 8), (byte)width, 3];
        head.CopyTo(b, 0);
        return b;
    }

    /// <summary>A multipart body with the image as field <c>photo</c>.</summary>
    public static MultipartFormDataContent Form(byte[] image, string mediaType = "image/png", string fileName = "photo.png")
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(image);
        file.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        form.Add(file, "photo", fileName);
        return form;
    }

    private static void Chunk(Stream s, string type, byte[] data)
    {
        Span<byte> len = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(len, data.Length);
        s.Write(len);
        var typed = new byte[4 + data.Length];
        System.Text.Encoding.ASCII.GetBytes(type).CopyTo(typed, 0);
        data.CopyTo(typed, 4);
        s.Write(typed);
        BinaryPrimitives.WriteUInt32BigEndian(len, Crc32(typed));
        s.Write(len);
    }

    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var d in data)
        {
            crc ^= d;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }
}
