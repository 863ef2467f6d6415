using System.Net;
using System.Text.Json;
using Mvai.Bot.Tests.Infrastructure;

namespace Mvai.Bot.Tests.Fuzzing;

/// <summary>What every answer to a fuzzed request must be: no server error, a reason with every 400, 413 above the limit.</summary>
internal static class FuzzAnswers
{
    public const int MaxActivityBytes = 256 * 1024;

    public static async Task<HttpResponseMessage> SendAsync(BotTestHost host, HttpMethod method, string path, FuzzRequest request)
    {
        using var message = new HttpRequestMessage(method, path);
        if (method != HttpMethod.Get)
        {
            message.Content = new ByteArrayContent(request.Body);
            if (request.ContentType is not null)
            {
                message.Content.Headers.TryAddWithoutValidation("Content-Type", request.ContentType);
            }
        }
        if (request.Authorization is not null)
        {
            message.Headers.TryAddWithoutValidation("Authorization", request.Authorization);
        }
        return await host.Client.SendAsync(message);
    }

    /// <param name="response">The answer.</param>
    /// <param name="request">What was sent, for the failure message.</param>
    /// <param name="allowed">The statuses this endpoint may answer with.</param>
    /// <param name="bodyIsRead">True when the endpoint reads the body after the caller passed its checks, so an oversized one must get 413.</param>
    /// <returns>The error code of a 400, for the tally.</returns>
    public static async Task<string?> AssertAsync(HttpResponseMessage response, FuzzRequest request, HttpStatusCode[] allowed, bool bodyIsRead)
    {
        var status = response.StatusCode;
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(allowed.Contains(status), $"{(int)status} for {request}\nAnswer: {text}");
        if (bodyIsRead && request.Body.Length > MaxActivityBytes)
        {
            Assert.True(status == HttpStatusCode.RequestEntityTooLarge, $"{(int)status}, not 413, for {request}");
        }
        if (status == HttpStatusCode.BadRequest)
        {
            var error = JsonDocument.Parse(text).RootElement.GetProperty("error");
            Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("code").GetString()), $"400 without a code for {request}");
            Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()), $"400 without a reason for {request}");
            return error.GetProperty("code").GetString();
        }
        return null;
    }

    /// <summary>Fails with the lines when anything was logged at Error or above: a turn that failed, an unhandled exception.</summary>
    public static void AssertNoErrorsLogged(CapturedLogs logs)
    {
        string[] errors = [.. logs.Lines.Where(line => line.StartsWith("Error", StringComparison.Ordinal) || line.StartsWith("Critical", StringComparison.Ordinal))];
        Assert.True(errors.Length == 0, $"{errors.Length} errors logged, the first:\n{string.Join("\n", errors.Take(3))}");
    }
}
