using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Mvai.Tests.Shared;

/// <summary>A small Kestrel app on a free 127.0.0.1 port, for fakes of the services the code under test calls.</summary>
/// <remarks>Shared by the test projects (linked source); names are fully qualified so no project's global usings clash.</remarks>
public sealed class LoopbackServer : IAsyncDisposable
{
    private readonly Microsoft.AspNetCore.Builder.WebApplication _app;

    private LoopbackServer(Microsoft.AspNetCore.Builder.WebApplication app)
    {
        _app = app;
        var address = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<IServer>(app.Services)
            .Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.TrimEnd('/') + "/");
    }

    /// <summary>Ends with a slash.</summary>
    public Uri BaseAddress { get; }

    public static async Task<LoopbackServer> StartAsync(Action<Microsoft.AspNetCore.Builder.WebApplication> map)
    {
        ArgumentNullException.ThrowIfNull(map);
        // The command line wins over any appsettings.json copied next to the tests; a fake's own logs are noise.
        var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateSlimBuilder(
            ["--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default", "None"]);
        var app = builder.Build();
        map(app);
        await app.StartAsync();
        return new LoopbackServer(app);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
