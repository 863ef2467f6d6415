namespace Mvai.Bot.BotFramework.Hosting;

/// <summary>Reads a request body up to a limit, so a chunked upload without Content-Length cannot exhaust memory.</summary>
public static class RequestBodyReader
{
    /// <summary>The body, or null when it is longer than <paramref name="limit"/> bytes.</summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var buffer = new MemoryStream(request.ContentLength is { } length and > 0 ? (int)Math.Min(length, limit) : 4096);
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
