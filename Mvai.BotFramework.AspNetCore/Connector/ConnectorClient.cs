using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Mvai.BotFramework.Protocol;

namespace Mvai.BotFramework.Connector;

/// <summary>
/// The Bot Connector REST API (v3) of a channel: send, reply, update and delete activities.
/// Conversation ids are URL-escaped (Teams ids contain ':', ';' and '@'), and a 202 with an empty
/// body (Teams answers card replies that way) is a success like 200 and 201.
/// </summary>
public sealed class ConnectorClient(HttpClient http, IConnectorTokenProvider tokens)
{
    public const string HttpClientName = "BotConnector";

    /// <summary>Posts an activity: as a reply when it has a <see cref="Activity.ReplyToId"/>, else appended.</summary>
    public Task<ResourceResponse> SendAsync(string serviceUrl, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var path = ConversationPath(activity) + (string.IsNullOrEmpty(activity.ReplyToId) ? string.Empty : "/" + Uri.EscapeDataString(activity.ReplyToId));
        return SendWithBodyAsync(HttpMethod.Post, serviceUrl, path, activity, cancellationToken);
    }

    public Task<ResourceResponse> UpdateAsync(string serviceUrl, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentException.ThrowIfNullOrEmpty(activity.Id);
        return SendWithBodyAsync(HttpMethod.Put, serviceUrl, ConversationPath(activity) + "/" + Uri.EscapeDataString(activity.Id), activity, cancellationToken);
    }

    public async Task DeleteAsync(string serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken)
    {
        var path = $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities/{Uri.EscapeDataString(activityId)}";
        using var request = new HttpRequestMessage(HttpMethod.Delete, Combine(serviceUrl, path));
        using var response = await SendRequestAsync(request, cancellationToken);
    }

    private async Task<ResourceResponse> SendWithBodyAsync(HttpMethod method, string serviceUrl, string path, Activity activity, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, Combine(serviceUrl, path))
        {
            Content = new StringContent(ProtocolJson.Serialize(activity), Encoding.UTF8, "application/json"),
        };
        using var response = await SendRequestAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.StatusCode == HttpStatusCode.Accepted || string.IsNullOrWhiteSpace(body))
        {
            return new ResourceResponse(null);
        }
        try
        {
            return JsonSerializer.Deserialize(body, ProtocolJson.Default.ResourceResponse) ?? new ResourceResponse(null);
        }
        catch (JsonException)
        {
            return new ResourceResponse(null);
        }
    }

    private async Task<HttpResponseMessage> SendRequestAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var token = await tokens.GetTokenAsync(cancellationToken);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var status = (int)response.StatusCode;
            response.Dispose();
            throw new ConnectorException(status, $"The channel's connector answered {status} to {request.Method} {request.RequestUri?.AbsolutePath}.");
        }
        return response;
    }

    private static string ConversationPath(Activity activity)
    {
        var conversationId = activity.Conversation?.Id;
        ArgumentException.ThrowIfNullOrEmpty(conversationId, "activity.Conversation.Id");
        return $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities";
    }

    private static Uri Combine(string serviceUrl, string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(serviceUrl);
        return new Uri(serviceUrl.TrimEnd('/') + "/" + path);
    }
}

/// <summary>A Connector call the channel refused.</summary>
public sealed class ConnectorException(int statusCode, string message) : Exception(message)
{
    public int StatusCode { get; } = statusCode;
}
