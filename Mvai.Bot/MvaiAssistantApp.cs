using Mvai.Bot.Answering;
using Mvai.Bot.Assistant;
using Mvai.Bot.Handoff;
using Mvai.BotFramework.Authentication;
using Mvai.BotFramework.DirectLine;
using Mvai.BotFramework.Hosting;
using Mvai.Bot.Answering.Gaps;
using Mvai.Bot.Desk;
using Mvai.Bot.Handoff.Alerts;
using Mvai.Bot.Handoff.Console;
using Mvai.Bot.Intake;
using Mvai.Bot.Operations;
using Mvai.Bot.Privacy;
using Mvai.Bot.Teams;
using Mvai.Knowledge;
using Mvai.Bot.WebChat;

namespace Mvai.Bot;

/// <summary>Builds the assistant's web host; <c>Program</c> runs it and tests start it on a free loopback port.</summary>
public static class MvaiAssistantApp
{
    /// <summary>The largest request body the server accepts at all; larger ones get 413.</summary>
    public const int MaxRequestBodyBytes = 1024 * 1024;

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        // No request of ours needs more than an activity (256 KiB); endpoints that read bodies set lower limits.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes);
        configure?.Invoke(builder);

        // Before the layer binds configuration: its defaults are neutral, the app names itself, configuration overrides.
        builder.Services.AddProductDefaults();
        builder.Services.AddTrustedProxies(builder.Configuration);
        builder.Services.AddBotFramework<MvaiAssistantBot>(builder.Configuration);
        builder.Services.AddMvaiAssistantPipeline();
        builder.Services.AddEmbeddedDirectLine(builder.Configuration);
        builder.Services.AddTeams(builder.Configuration);
        builder.Services.AddIntake();
        builder.Services.AddAnswering();
        builder.Services.AddHandoff(builder.Configuration);
        builder.Services.AddAdvisorAlerts(builder.Configuration);
        builder.Services.AddAdvisorConsole(builder.Configuration);
        builder.Services.AddRequestDesk(builder.Configuration);
        builder.Services.AddPrivacy(builder.Configuration);
        builder.Services.AddKnowledge(builder.Configuration);
        builder.Services.AddAnswering();
        builder.Services.AddOperations(builder.Configuration);
        builder.Services.AddWebChat(builder.Configuration);

        var app = builder.Build();
        app.UseRedactedExceptionLogging();
        // First: rate limits, loopback checks and the console's origin check need the client's address and scheme.
        app.UseTrustedForwardedHeaders();
        // Inside the redacted logging: a database failure is answered 503 here and never reaches it as a 500.
        app.UseMiddleware<StorageUnavailableMiddleware>();
        app.UseWebPageHeaders();
        app.UseWebSockets();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UseCors();
        app.UseRateLimiter();
        // Named here, inside the redacted logging: left implicit, ASP.NET Core puts them at the head of the pipeline,
        // where an exception in a console authentication handler is logged by Kestrel with its message.
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapBotMessages();
        app.MapDirectLine();
        app.MapWebChatToken();
        app.MapAdvisorConsole();
        app.MapRequestData();
        app.MapRequestDeskApi();
        app.MapContentGaps();
        app.MapOperations();

        WarnIfDevelopmentMode(app);
        return app;
    }

    private static void WarnIfDevelopmentMode(WebApplication app)
    {
        var options = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<BotAuthenticationOptions>>().Value;
        if (options.IsDevelopmentMode)
        {
            AppLog.DevelopmentMode(app.Logger);
        }
    }
}
