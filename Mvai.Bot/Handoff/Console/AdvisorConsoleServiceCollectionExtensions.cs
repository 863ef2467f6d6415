using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Mvai.BotFramework.Authentication;
using Mvai.BotFramework.State;
using Mvai.BotFramework.State.Relational;

namespace Mvai.Bot.Handoff.Console;

/// <summary>Registers the advisor console: its accounts, Entra ID token checks, authentication schemes and page headers.</summary>
public static class AdvisorConsoleServiceCollectionExtensions
{
    public static IServiceCollection AddAdvisorConsole(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(AdvisorConsoleOptions.SectionName);
        services.AddOptions<AdvisorConsoleOptions>().BindConfiguration(AdvisorConsoleOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AdvisorConsoleOptions>, AdvisorConsoleOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<AdvisorSignInLimits>();
        services.TryAddSingleton<AdvisorAccountDirectory>();
        services.AddHttpClient(OpenIdMetadataCache.HttpClientName);
        if (section.GetSection(nameof(AdvisorConsoleOptions.Entra)).Get<AdvisorEntraOptions>() is { IsConfigured: true })
        {
            services.TryAddSingleton<AdvisorEntraTokens>();
        }

        // Session cookies are sealed with Data Protection keys; a configured directory keeps sessions across restarts
        // where the default (the user profile) is not persisted, e.g. in a container.
        // The table is made whichever the engine and wherever the keys go, so every database has the same schema.
        services.AddSchema(DatabaseXmlRepository.Schema);
        var dataProtection = services.AddDataProtection().SetApplicationName("mvai-assistant");
        if (section.GetValue<string>(nameof(AdvisorConsoleOptions.SessionKeysDirectory)) is { Length: > 0 } keys)
        {
            dataProtection.PersistKeysToFileSystem(new DirectoryInfo(keys));
        }
        else
        {
            // Instances sharing a PostgreSQL database share the keys there too: a session signed in on one instance
            // is then valid on every instance the load balancer sends the advisor to.
            // (The default, a folder in the user profile, is per machine or container.)
            services.AddOptions<KeyManagementOptions>().Configure<StorageBackend, TimeProvider>((o, backend, clock) =>
                o.XmlRepository = backend.Select(sqlite => o.XmlRepository, postgres => new DatabaseXmlRepository(postgres, clock)));
        }

        var sessionLifetime = section.GetValue<TimeSpan?>(nameof(AdvisorConsoleOptions.SessionLifetime)) ?? new AdvisorConsoleOptions().SessionLifetime;
        services.AddAuthentication()
            .AddPolicyScheme(AdvisorAuthentication.Scheme, "Advisor console", o =>
            {
                o.ForwardDefaultSelector = AdvisorAuthentication.SelectScheme;
                // Whatever was tried, the answer to a missing or wrong credential is the same 401 with WWW-Authenticate.
                o.ForwardChallenge = AdvisorAuthentication.BasicScheme;
            })
            .AddCookie(AdvisorAuthentication.CookieScheme, o =>
            {
                o.Cookie.Name = AdvisorAuthentication.CookieName;
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.Cookie.Path = "/";
                o.ExpireTimeSpan = sessionLifetime;
                o.SlidingExpiration = true;
                o.Events.OnRedirectToLogin = c => Status(c, StatusCodes.Status401Unauthorized);
                // A session outlives configuration changes: an account removed since sign-in ends its sessions.
                o.Events.OnValidatePrincipal = c =>
                {
                    if (c.Principal is null || !c.HttpContext.RequestServices.GetRequiredService<AdvisorAccountDirectory>().Exists(c.Principal.Advisor().Id))
                    {
                        c.RejectPrincipal();
                    }
                    return Task.CompletedTask;
                };
                o.Events.OnRedirectToAccessDenied = c => Status(c, StatusCodes.Status403Forbidden);
            })
            .AddScheme<AuthenticationSchemeOptions, AdvisorBasicHandler>(AdvisorAuthentication.BasicScheme, null)
            .AddScheme<AuthenticationSchemeOptions, AdvisorEntraHandler>(AdvisorAuthentication.EntraScheme, null);
        services.AddAuthorizationBuilder().AddPolicy(AdvisorAuthentication.Policy, policy => policy
            .AddAuthenticationSchemes(AdvisorAuthentication.Scheme)
            .RequireAuthenticatedUser());

        services.PostConfigure<StaticFileOptions>(o => o.OnPrepareResponse = AdvisorPageHeaders.Chain(o.OnPrepareResponse));
        return services;
    }

    private static Task Status(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    }
}
