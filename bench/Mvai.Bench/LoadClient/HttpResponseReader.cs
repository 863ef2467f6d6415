using System.Buffers.Text;
using System.Runtime.CompilerServices;
using System.Text;

namespace Mvai.Bench.LoadClient;

/// <summary>A response read off the connection. <see cref="Body"/> is the reader's buffer: valid until the next read.</summary>
internal readonly record struct HttpResponse(int Status, ReadOnlyMemory<byte> Body, bool KeepAlive);

/// <summary>
/// Reads HTTP/1.1 responses one after another off a keep-alive connection into reused buffers: the status line, the
/// headers the framing depends on (Content-Length, Transfer-Encoding: chunked, Connection: close) and the body.
/// Bytes past the end of one response stay buffered for the next one. The async methods pool their state machines:
/// every response waits on the network, and a boxed state machine per wait would be garbage the bench measures.
/// </summary>
internal sealed class HttpResponseReader(Stream connection)
{
    // Far above any response the bot sends; a server that never ends its headers fails instead of filling memory.
    private const int MaxBufferBytes = 16 * 1024 * 1024;

    private static readonly byte[] HeadersEnd = "\r\n\r\n"u8.ToArray();
    private static readonly byte[] LineEnd = "\r\n"u8.ToArray();

    private byte[] _received = new byte[16 * 1024];
    private int _start;
    private int _end;
    private byte[] _body = new byte[16 * 1024];

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<HttpResponse> ReadAsync(CancellationToken cancellationToken)
    {
        var headersEnd = await IndexOfAsync(HeadersEnd, cancellationToken);
        var head = ParseHead(_received.AsSpan(_start, headersEnd - _start));
        _start = headersEnd + 4;
        int length;
        var keepAlive = head.KeepAlive;
        if (head.Chunked)
        {
            length = await ReadChunkedAsync(cancellationToken);
        }
        else if (head.ContentLength >= 0)
        {
            length = await CopyToBodyAsync(head.ContentLength, 0, cancellationToken);
        }
        else if (head.Status is (>= 100 and < 200) or 204 or 304)
        {
            length = 0;
        }
        else
        {
            // No framing: the body runs to the end of the connection, which cannot carry another response.
            length = await ReadToEndAsync(cancellationToken);
            keepAlive = false;
        }
        return new HttpResponse(head.Status, _body.AsMemory(0, length), keepAlive);
    }

    private static ResponseHead ParseHead(ReadOnlySpan<byte> head)
    {
        var lineEnd = head.IndexOf("\r\n"u8);
        var statusLine = lineEnd < 0 ? head : head[..lineEnd];
        // "HTTP/1.1 200 OK": the version, a space, three digits, then (optionally) a space and the reason.
        if (statusLine.Length < 12 || !statusLine.StartsWith("HTTP/1."u8) || statusLine[8] != (byte)' '
            || !Utf8Parser.TryParse(statusLine.Slice(9, 3), out int status, out var consumed) || consumed != 3
            || (statusLine.Length > 12 && statusLine[12] != (byte)' '))
        {
            throw new InvalidDataException($"Not an HTTP/1.x status line: '{Encoding.ASCII.GetString(statusLine)}'.");
        }
        var result = new ResponseHead(status, -1, Chunked: false, KeepAlive: statusLine[7] == (byte)'1');
        var rest = lineEnd < 0 ? [] : head[(lineEnd + 2)..];
        while (!rest.IsEmpty)
        {
            lineEnd = rest.IndexOf("\r\n"u8);
            var line = lineEnd < 0 ? rest : rest[..lineEnd];
            rest = lineEnd < 0 ? [] : rest[(lineEnd + 2)..];
            var colon = line.IndexOf((byte)':');
            if (colon <= 0)
            {
                throw new InvalidDataException($"Not a header line: '{Encoding.ASCII.GetString(line)}'.");
            }
            var name = line[..colon];
            var value = line[(colon + 1)..].Trim(" \t"u8);
            if (Ascii.EqualsIgnoreCase(name, "Content-Length"u8))
            {
                if (!Utf8Parser.TryParse(value, out int contentLength, out consumed) || consumed != value.Length || contentLength < 0)
                {
                    throw new InvalidDataException($"Bad Content-Length '{Encoding.ASCII.GetString(value)}'.");
                }
                result = result with { ContentLength = contentLength };
            }
            else if (Ascii.EqualsIgnoreCase(name, "Transfer-Encoding"u8))
            {
                // The last coding decides the framing ("gzip, chunked" is chunked).
                var lastComma = value.LastIndexOf((byte)',');
                result = result with { Chunked = Ascii.EqualsIgnoreCase(value[(lastComma + 1)..].Trim(" \t"u8), "chunked"u8) };
            }
            else if (Ascii.EqualsIgnoreCase(name, "Connection"u8))
            {
                result = result with { KeepAlive = !Ascii.EqualsIgnoreCase(value, "close"u8) && (result.KeepAlive || Ascii.EqualsIgnoreCase(value, "keep-alive"u8)) };
            }
        }
        return result;
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<int> ReadChunkedAsync(CancellationToken cancellationToken)
    {
        var length = 0;
        while (true)
        {
            var sizeEnd = await IndexOfAsync(LineEnd, cancellationToken);
            var size = ParseChunkSize(_received.AsSpan(_start, sizeEnd - _start));
            _start = sizeEnd + 2;
            if (size == 0)
            {
                // Trailer fields, if any, then the empty line that ends the message.
                while (true)
                {
                    var lineEnd = await IndexOfAsync(LineEnd, cancellationToken);
                    var empty = lineEnd == _start;
                    _start = lineEnd + 2;
                    if (empty)
                    {
                        return length;
                    }
                }
            }
            length = await CopyToBodyAsync(size, length, cancellationToken);
            await EnsureBufferedAsync(2, cancellationToken);
            if (_received[_start] != (byte)'\r' || _received[_start + 1] != (byte)'\n')
            {
                throw new InvalidDataException("A chunk does not end with CRLF.");
            }
            _start += 2;
        }
    }

    /// <summary>The hex size before any chunk extension ("1a;name=value").</summary>
    private static int ParseChunkSize(ReadOnlySpan<byte> line)
    {
        var extension = line.IndexOfAny(";"u8);
        var digits = (extension < 0 ? line : line[..extension]).TrimEnd(" \t"u8);
        if (!Utf8Parser.TryParse(digits, out int size, out var consumed, 'X') || consumed != digits.Length || consumed == 0 || size < 0)
        {
            throw new InvalidDataException($"Bad chunk size line '{Encoding.ASCII.GetString(line)}'.");
        }
        return size;
    }

    /// <summary>Appends <paramref name="count"/> body bytes at <paramref name="offset"/>; returns the body's new length.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<int> CopyToBodyAsync(int count, int offset, CancellationToken cancellationToken)
    {
        EnsureBodyCapacity(offset + count);
        while (count > 0)
        {
            if (_start == _end)
            {
                await FillAsync(cancellationToken);
            }
            var taken = Math.Min(count, _end - _start);
            _received.AsSpan(_start, taken).CopyTo(_body.AsSpan(offset));
            _start += taken;
            offset += taken;
            count -= taken;
        }
        return offset;
    }

    private async ValueTask<int> ReadToEndAsync(CancellationToken cancellationToken)
    {
        var length = 0;
        while (true)
        {
            length = await CopyToBodyAsync(_end - _start, length, cancellationToken);
            _start = _end = 0;
            var read = await connection.ReadAsync(_received, cancellationToken);
            if (read == 0)
            {
                return length;
            }
            _end = read;
        }
    }

    /// <summary>Where <paramref name="pattern"/> starts in the buffered bytes, reading until it arrives.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<int> IndexOfAsync(byte[] pattern, CancellationToken cancellationToken)
    {
        while (true)
        {
            var found = _received.AsSpan(_start, _end - _start).IndexOf(pattern);
            if (found >= 0)
            {
                return _start + found;
            }
            await FillAsync(cancellationToken);
        }
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask EnsureBufferedAsync(int count, CancellationToken cancellationToken)
    {
        while (_end - _start < count)
        {
            await FillAsync(cancellationToken);
        }
    }

    /// <summary>Reads more bytes after the buffered ones, making room first; a connection that ends mid-response throws.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask FillAsync(CancellationToken cancellationToken)
    {
        if (_start == _end)
        {
            _start = _end = 0;
        }
        else if (_end == _received.Length)
        {
            if (_start > 0)
            {
                _received.AsSpan(_start, _end - _start).CopyTo(_received);
                _end -= _start;
                _start = 0;
            }
            else
            {
                if (_received.Length >= MaxBufferBytes)
                {
                    throw new InvalidDataException("Response headers or chunk line too long.");
                }
                Array.Resize(ref _received, _received.Length * 2);
            }
        }
        var read = await connection.ReadAsync(_received.AsMemory(_end), cancellationToken);
        if (read == 0)
        {
            throw new EndOfStreamException("The server closed the connection before the response ended.");
        }
        _end += read;
    }

    private void EnsureBodyCapacity(int length)
    {
        if (length > MaxBufferBytes)
        {
            throw new InvalidDataException($"Response body of {length} bytes is larger than the bench reads.");
        }
        if (length > _body.Length)
        {
            Array.Resize(ref _body, Math.Max(length, _body.Length * 2));
        }
    }

    private readonly record struct ResponseHead(int Status, int ContentLength, bool Chunked, bool KeepAlive);
}
