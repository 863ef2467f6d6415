using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Mvai.BotFramework.State.Relational;

/// <summary>
/// Applies every registered <see cref="SchemaComponent"/> to the configured database once, as the host starts and
/// before any hosted service's own start (stores do no I/O when they are built). Components apply in the order they
/// were registered, so a feature that extends another's table registers after it.
/// </summary>
internal sealed class SchemaMigrations(StorageBackend backend, IEnumerable<SchemaComponent> components) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) => backend.Database.MigrateAsync(components, cancellationToken);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>Registers a feature's tables, applied at start-up by <see cref="SchemaMigrations"/>.</summary>
public static class SchemaServiceCollectionExtensions
{
    public static IServiceCollection AddSchema(this IServiceCollection services, SchemaComponent component)
    {
        ArgumentNullException.ThrowIfNull(component);
        // Once per component, however often a feature's registration runs.
        if (!services.Any(d => d.ServiceType == typeof(SchemaComponent) && ReferenceEquals(d.ImplementationInstance, component)))
        {
            services.AddSingleton(component);
        }
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, SchemaMigrations>());
        return services;
    }
}
