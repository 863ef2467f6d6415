using System.Buffers.Binary;
using System.IO.Compression;

namespace Mvai.Manifests.Tests;

/// <summary>A minimal PNG reader: IHDR and, for 8-bit RGB/RGBA/grey+alpha images, the decoded pixels.</summary>
internal sealed class Png
{
    private static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public int Width { get; private init; }
    public int Height { get; private init; }
    public int BitDepth { get; private init; }
    public int ColorType { get; private init; }
    private byte[] IdatData { get; init; } = [];

    public static Png Read(byte[] bytes)
    {
        if (bytes.Length < 33 || !bytes.AsSpan(0, 8).SequenceEqual(Signature))
        {
            throw new InvalidDataException("not a PNG (bad signature)");
        }
        if (!bytes.AsSpan(12, 4).SequenceEqual("IHDR"u8))
        {
            throw new InvalidDataException("the first chunk is not IHDR");
        }
        using var idat = new MemoryStream();
        var offset = 8;
        while (offset + 8 <= bytes.Length)
        {
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(offset));
            var type = bytes.AsSpan(offset + 4, 4);
            if (type.SequenceEqual("IDAT"u8))
            {
                idat.Write(bytes, offset + 8, length);
            }
            offset += 12 + length;
        }
        return new Png
        {
            Width = (int)BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(16)),
            Height = (int)BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(20)),
            BitDepth = bytes[24],
            ColorType = bytes[25],
            IdatData = idat.ToArray(),
        };
    }

    /// <summary>The pixels as RGBA rows (8-bit colour types 2, 4 and 6 only).</summary>
    public (byte R, byte G, byte B, byte A)[] Pixels()
    {
        var channels = ColorType switch
        {
            2 => 3,
            4 => 2,
            6 => 4,
            _ => throw new NotSupportedException($"PNG colour type {ColorType}"),
        };
        if (BitDepth != 8)
        {
            throw new NotSupportedException($"PNG bit depth {BitDepth}");
        }
        using var inflater = new ZLibStream(new MemoryStream(IdatData), CompressionMode.Decompress);
        using var raw = new MemoryStream();
        inflater.CopyTo(raw);
        var data = raw.ToArray();
        var stride = Width * channels;
        var previous = new byte[stride];
        var pixels = new (byte, byte, byte, byte)[Width * Height];
        for (var y = 0; y < Height; y++)
        {
            var filter = data[y * (stride + 1)];
            var row = data.AsSpan((y * (stride + 1)) + 1, stride).ToArray();
            for (var i = 0; i < stride; i++)
            {
                int left = i >= channels ? row[i - channels] : 0;
                int up = previous[i];
                int upLeft = i >= channels ? previous[i - channels] : 0;
                row[i] = (byte)(row[i] + filter switch
                {
                    0 => 0,
                    1 => left,
                    2 => up,
                    3 => (left + up) / 2,
                    4 => Paeth(left, up, upLeft),
                    _ => throw new InvalidDataException($"PNG filter {filter}"),
                });
            }
            for (var x = 0; x < Width; x++)
            {
                var p = row.AsSpan(x * channels, channels);
                pixels[(y * Width) + x] = ColorType switch
                {
                    2 => (p[0], p[1], p[2], (byte)255),
                    4 => (p[0], p[0], p[0], p[1]),
                    _ => (p[0], p[1], p[2], p[3]),
                };
            }
            previous = row;
        }
        return pixels;
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        var pa = Math.Abs(p - a);
        var pb = Math.Abs(p - b);
        var pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
