using System.Net.Http.Json;
using Mvai.BotFramework.Protocol;
using Mvai.Bot.Tests.Authentication.Fakes;
using Mvai.Bot.Tests.Infrastructure;

namespace Mvai.Bot.Tests.Authentication;

/// <summary>The real bot with an app id (authentication on), trusting the loopback metadata server.</summary>
public sealed class AuthenticatedBotFixture : IAsyncLifetime
{
    public const string AppId = "3f2b8c1e-7d4a-4e9b-9a61-0c5d2e8f7b34";
    public const string TenantId = "b1c2d3e4-0000-4a5b-8c7d-9e0f1a2b3c4d";

    public OpenIdMetadataServer Metadata { get; private set; } = null!;

    public BotTestHost Host { get; private set; } = null!;

    /// <summary>Bot settings for authentication against <paramref name="metadata"/>.</summary>
    public static Dictionary<string, string?> Settings(OpenIdMetadataServer metadata) => new()
    {
        ["MicrosoftAppId"] = AppId,
        ["MicrosoftAppPassword"] = "test-secret",
        ["MicrosoftAppTenantId"] = TenantId,
        ["BotAuthentication:ChannelOpenIdMetadataUrl"] = metadata.ChannelMetadataUrl,
        ["BotAuthentication:EntraOpenIdMetadataUrl"] = metadata.EntraMetadataUrl,
        ["BotAuthentication:RequireHttpsMetadata"] = "false",
        // Where the test conversations (Conversation's default) say replies go, for Entra-authenticated callers.
        ["BotAuthentication:AllowedServiceUrls:0"] = "http://127.0.0.1:9",
    };

    /// <summary>
    /// <see cref="Settings"/> plus the advisor console with both ways in: the test accounts (HTTP Basic) and Entra ID
    /// bearer tokens checked against the same metadata server.
    /// </summary>
    public static Dictionary<string, string?> SettingsWithAdvisorConsole(OpenIdMetadataServer metadata)
    {
        var settings = Settings(metadata);
        foreach (var (key, value) in TestAdvisors.Accounts)
        {
            settings[key] = value;
        }
        settings["Advisors:Entra:TenantId"] = TenantId;
        settings["Advisors:Entra:Audience"] = "api://mvai-advisor-console";
        settings["Advisors:Entra:MetadataUrl"] = metadata.EntraMetadataUrl;
        settings["Advisors:Entra:RequireHttpsMetadata"] = "false";
        return settings;
    }

    /// <summary>A message from a fresh conversation on <paramref name="channelId"/>, asking for expectReplies.</summary>
    public Activity NewMessage(string channelId = "test")
    {
        var activity = new Conversation(Host, channelId).NewActivity(ActivityTypes.Message);
        activity.Text = "hello";
        activity.DeliveryMode = DeliveryModes.ExpectReplies;
        return activity;
    }

    public Task<HttpResponseMessage> SendAsync(Activity activity, string? authorization) =>
        Host.PostActivityAsync(activity, authorization);

    /// <summary>Sends and asserts the bot accepted it and answered.</summary>
    public async Task<IList<Activity>> SendAcceptedAsync(Activity activity, string authorization)
    {
        using var response = await SendAsync(activity, authorization);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var replies = await response.Content.ReadFromJsonAsync(ProtocolJson.Default.ExpectedReplies);
        return replies!.Activities;
    }

    public async Task AssertUnauthorizedAsync(Activity activity, string? authorization)
    {
        using var response = await SendAsync(activity, authorization);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, response.StatusCode);
    }

    public async Task InitializeAsync()
    {
        Metadata = await OpenIdMetadataServer.StartAsync();
        Host = await BotTestHost.StartAsync(Settings(Metadata));
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Metadata.DisposeAsync();
    }
}
