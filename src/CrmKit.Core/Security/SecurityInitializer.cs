using System.Text.Json.Nodes;
using CrmKit.Core.Storage;
using CrmKit.Sdk.Errors;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CrmKit.Core.Security;

/// <summary>
/// Runs at start-up after the store is ready: loads the security directory and, when it has no account at all, creates
/// the administrator (<see cref="SecurityOptions.BootstrapAdministrator"/>) with a first API key — the configured
/// <see cref="SecurityOptions.BootstrapApiKey"/>, or a new one printed once to the console, never to the logs.
/// </summary>
internal sealed partial class SecurityInitializer(
    ICrmStore store,
    SecurityDirectoryCache cache,
    ApiKeyService keys,
    IOptions<SecurityOptions> options,
    TimeProvider clock,
    ILogger<SecurityInitializer>? logger = null) : IHostedService
{
    private readonly ILogger _logger = logger ?? (ILogger)NullLogger.Instance;

    /// <summary>Where a generated key is printed; the console unless a test says otherwise.</summary>
    internal TextWriter Console { get; set; } = System.Console.Out;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        string? configuredId = null, configuredSecret = null;
        if (!string.IsNullOrEmpty(o.BootstrapApiKey) && !ApiKeyFormat.TryParse(o.BootstrapApiKey, out configuredId, out configuredSecret))
        {
            throw new OptionsValidationException(SecurityOptions.SectionName, typeof(SecurityOptions),
                [SecurityMessages.Text("apikey.bootstrap_invalid").ToString()]);
        }

        var directory = await cache.RefreshAsync(force: true, cancellationToken);
        if (directory.Users.Count > 0)
        {
            return;
        }

        var adminId = o.BootstrapAdministrator;
        try
        {
            await using (var session = await store.BeginAsync(write: true, cancellationToken))
            {
                var admin = new CrmUser { Id = adminId, DisplayName = "Administrator", Roles = [BuiltInRoles.Administrator] };
                await session.WriteSecurityObjectAsync(new StoredSecurityObject
                {
                    Kind = SecurityObjects.User,
                    Id = adminId,
                    Document = UserDocuments.ToDocument(admin).ToJsonString(),
                    UpdatedAt = clock.GetUtcNow(),
                    UpdatedBy = "system",
                }, 0, cancellationToken);
                await session.IncrementSecurityRevisionAsync(cancellationToken);
                await session.CommitAsync(cancellationToken);
            }
        }
        catch (SecurityObjectConcurrencyException)
        {
            // Another node sharing the database bootstrapped first; its administrator and key stand.
            await cache.RefreshAsync(force: true, cancellationToken);
            return;
        }

        await cache.RefreshAsync(force: true, cancellationToken);
        if (configuredId is not null)
        {
            await keys.StoreAsync(configuredId, configuredSecret!, adminId, "bootstrap", [ApiKeyScopes.All], null, "system", cancellationToken);
            LogBootstrapped(_logger, adminId, configuredId);
            return;
        }

        var (id, secret, key) = ApiKeyFormat.New();
        await keys.StoreAsync(id, secret, adminId, "bootstrap", [ApiKeyScopes.All], null, "system", cancellationToken);
        LogBootstrapped(_logger, adminId, id);

        // The key goes to the console only: logs are collected and kept, and a key in them would be a leak.
        await Console.WriteLineAsync(
            $"""

            CrmKit created the administrator account '{adminId}'. Its API key, shown only this once:

                {key}

            Send it as 'Authorization: Bearer <key>' (or set CRMKIT_API_KEY for the crmkit tool). Store it now.

            """);
        await Console.FlushAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Created the administrator account {UserId} with API key id {KeyId}.")]
    private static partial void LogBootstrapped(ILogger logger, string userId, string keyId);
}
