using System.Buffers;

namespace Mvai.BotFramework.Hosting;

/// <summary>Reads a request body up to a limit, so a chunked upload without Content-Length cannot exhaust memory.</summary>
public static class RequestBodyReader
{
    /// <summary>The body, or null when it is longer than <paramref name="limit"/> bytes.</summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var buffer = new MemoryStream(request.ContentLength is { } length and > 0 ? (int)Math.Min(length, limit) : 4096);
        // Pooled: a fresh 16 KiB array per request was a tenth of everything a turn allocated.
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    return null;
                }
                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
        // The stream was sized to the Content-Length, so its own array is the body when the length was honest.
        return buffer.TryGetBuffer(out var written) && written.Offset == 0 && written.Count == buffer.Capacity
            ? written.Array!
            : buffer.ToArray();
    }
}
