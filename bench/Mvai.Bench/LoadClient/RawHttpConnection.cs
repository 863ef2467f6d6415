using System.Buffers.Text;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Text;

namespace Mvai.Bench.LoadClient;

/// <summary>
/// One keep-alive HTTP/1.1 connection that POSTs JSON to one path, the way wrk or bombardier drive a server: a request
/// written from a reused buffer in one send, the response read by <see cref="HttpResponseReader"/>. HttpClient's
/// handlers, diagnostics and header collections would cost the bench's shared cores more than the turns it measures.
/// </summary>
internal sealed class RawHttpConnection(string host, int port, string path) : IDisposable
{
    /// <summary>A request not answered within this counts as failed (HttpClient's timeout in the bench before).</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly byte[] _requestHead = Encoding.ASCII.GetBytes(
        $"POST {path} HTTP/1.1\r\nHost: {host}:{port}\r\nContent-Type: application/json\r\nContent-Length: ");
    private byte[] _request = new byte[8 * 1024];
    private CancellationTokenSource _timeout = new();
    private NetworkStream? _stream;
    private HttpResponseReader? _reader;

    /// <summary>
    /// Sends <paramref name="json"/> and reads the response. Throws <see cref="TimeoutException"/> after
    /// <see cref="Timeout"/>, <see cref="IOException"/> or <see cref="SocketException"/> when the connection fails
    /// (the next request then connects again) and <see cref="InvalidDataException"/> for a malformed response.
    /// </summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<HttpResponse> PostAsync(ReadOnlyMemory<byte> json)
    {
        if (!_timeout.TryReset())
        {
            _timeout.Dispose();
            _timeout = new CancellationTokenSource();
        }
        _timeout.CancelAfter(Timeout);
        try
        {
            if (_stream is null)
            {
                await ConnectAsync(_timeout.Token);
            }
            var length = WriteRequest(json.Span);
            await _stream!.WriteAsync(_request.AsMemory(0, length), _timeout.Token);
            var response = await _reader!.ReadAsync(_timeout.Token);
            if (!response.KeepAlive)
            {
                Close();
            }
            return response;
        }
        catch (OperationCanceledException) when (_timeout.IsCancellationRequested)
        {
            Close();
            throw new TimeoutException($"No response within {Timeout.TotalSeconds:0} s.");
        }
        catch
        {
            // Whatever is left of a failed exchange cannot be trusted for the next one.
            Close();
            throw;
        }
    }

    public void Dispose()
    {
        Close();
        _timeout.Dispose();
    }

    private async ValueTask ConnectAsync(CancellationToken cancellationToken)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(host, port, cancellationToken);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        _stream = new NetworkStream(socket, ownsSocket: true);
        _reader = new HttpResponseReader(_stream);
    }

    /// <summary>The head with this body's Content-Length, then the body, into the reused request buffer.</summary>
    private int WriteRequest(ReadOnlySpan<byte> json)
    {
        var needed = _requestHead.Length + 10 + 4 + json.Length;
        if (needed > _request.Length)
        {
            _request = new byte[Math.Max(needed, _request.Length * 2)];
        }
        _requestHead.CopyTo(_request, 0);
        var length = _requestHead.Length;
        Utf8Formatter.TryFormat(json.Length, _request.AsSpan(length), out var digits);
        length += digits;
        "\r\n\r\n"u8.CopyTo(_request.AsSpan(length));
        length += 4;
        json.CopyTo(_request.AsSpan(length));
        return length + json.Length;
    }

    private void Close()
    {
        _stream?.Dispose();
        _stream = null;
        _reader = null;
    }
}
