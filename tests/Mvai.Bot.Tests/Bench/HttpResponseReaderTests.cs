using System.Text;
using Mvai.Bench.LoadClient;

namespace Mvai.Bot.Tests.Bench;

/// <summary>The load bench's response parser, on the framings an HTTP/1.1 server may send, in any read sizes.</summary>
public sealed class HttpResponseReaderTests
{
    private const string ContentLengthResponse =
        "HTTP/1.1 200 OK\r\nContent-Type: application/json; charset=utf-8\r\ncontent-length: 17\r\nServer: Kestrel\r\n\r\n{\"activities\":[]}";

    // Kestrel's framing for /api/messages (WriteAsJsonAsync sets no length), plus extensions and trailers it may not use.
    private const string ChunkedResponse =
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\n"
        + "6;name=value\r\n{\"acti\r\n"
        + "b\r\nvities\":[{}\r\n"
        + "A \r\n,{\"text\":1\r\n"
        + "3\r\n}]}\r\n"
        + "0\r\nX-Trailer: yes\r\nX-Other: also\r\n\r\n";

    private const string ChunkedBody = "{\"activities\":[{},{\"text\":1}]}";

    public static TheoryData<int> ReadSizes => [1, 2, 7, 64, 1 << 16];

    [Theory]
    [MemberData(nameof(ReadSizes))]
    public async Task ContentLength_ReadsExactlyThatManyBytes(int bytesPerRead)
    {
        var response = await ReadOneAsync(ContentLengthResponse, bytesPerRead);

        Assert.Equal((200, "{\"activities\":[]}", true), (response.Status, Text(response), response.KeepAlive));
    }

    [Theory]
    [MemberData(nameof(ReadSizes))]
    public async Task Chunked_JoinsTheChunks_SkippingExtensionsAndTrailers(int bytesPerRead)
    {
        var response = await ReadOneAsync(ChunkedResponse, bytesPerRead);

        Assert.Equal((200, ChunkedBody, true), (response.Status, Text(response), response.KeepAlive));
    }

    [Theory]
    [MemberData(nameof(ReadSizes))]
    public async Task KeepAlive_TwoResponsesInOneBuffer_AreReadOneAfterTheOther(int bytesPerRead)
    {
        var reader = new HttpResponseReader(new TricklingStream(Encoding.ASCII.GetBytes(ChunkedResponse + ContentLengthResponse + ChunkedResponse), bytesPerRead));

        Assert.Equal(ChunkedBody, Text(await reader.ReadAsync(default)));
        Assert.Equal("{\"activities\":[]}", Text(await reader.ReadAsync(default)));
        Assert.Equal(ChunkedBody, Text(await reader.ReadAsync(default)));
        await Assert.ThrowsAsync<EndOfStreamException>(() => reader.ReadAsync(default).AsTask());
    }

    [Fact]
    public async Task Non200_GivesItsStatusAndBody()
    {
        var response = await ReadOneAsync("HTTP/1.1 503 Service Unavailable\r\nContent-Length: 4\r\nRetry-After: 1\r\n\r\nbusy", 1);

        Assert.Equal((503, "busy"), (response.Status, Text(response)));
    }

    [Fact]
    public async Task NoContent_HasNoBody_AndTheNextResponseFollows()
    {
        var reader = new HttpResponseReader(new TricklingStream(Encoding.ASCII.GetBytes("HTTP/1.1 204 No Content\r\n\r\n" + ContentLengthResponse), 3));

        var noContent = await reader.ReadAsync(default);
        Assert.Equal((204, string.Empty), (noContent.Status, Text(noContent)));
        var next = await reader.ReadAsync(default);
        Assert.Equal((200, "{\"activities\":[]}"), (next.Status, Text(next)));
    }

    [Theory]
    [InlineData("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\n{}")]
    [InlineData("HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\n{}")]
    [InlineData("HTTP/1.1 200 OK\r\n\r\n{}")]
    public async Task ConnectionThatCannotBeReused_IsNotKeptAlive(string wire)
    {
        var response = await ReadOneAsync(wire, 1);

        Assert.Equal((200, "{}", false), (response.Status, Text(response), response.KeepAlive));
    }

    [Theory]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 17\r\n\r\n{\"activities\"")]
    [InlineData("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Le")]
    public async Task ConnectionClosedMidResponse_Throws(string wire)
    {
        await Assert.ThrowsAsync<EndOfStreamException>(() => ReadOneAsync(wire, 4));
    }

    [Theory]
    [InlineData("SMTP/1.1 200 OK\r\n\r\n")]
    [InlineData("HTTP/1.1 2x0 OK\r\n\r\n")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n")]
    [InlineData("HTTP/1.1 200 OK\r\nno colon\r\n\r\n")]
    [InlineData("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n")]
    [InlineData("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabc\r\n0\r\n\r\n")]
    public async Task MalformedResponse_Throws(string wire)
    {
        await Assert.ThrowsAsync<InvalidDataException>(() => ReadOneAsync(wire, 1));
    }

    [Fact]
    public async Task BodyLargerThanTheBuffers_IsReadWhole()
    {
        var body = new string('x', 100_000);
        var chunks = string.Concat(body.Chunk(30_000).Select(chunk => $"{chunk.Length:x}\r\n{new string(chunk)}\r\n"));

        var response = await ReadOneAsync($"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n{chunks}0\r\n\r\n", 5_000);

        Assert.Equal(body, Text(response));
    }

    private static async Task<HttpResponse> ReadOneAsync(string wire, int bytesPerRead) =>
        await new HttpResponseReader(new TricklingStream(Encoding.ASCII.GetBytes(wire), bytesPerRead)).ReadAsync(default);

    private static string Text(HttpResponse response) => Encoding.UTF8.GetString(response.Body.Span);
}
