using System.Text.Json.Nodes;
using CrmKit.Core.Storage;

namespace CrmKit.Plugins.Runtime;

/// <summary>
/// Remembers which plugins an administrator disabled, in the store's settings table (key <c>plugin-state:&lt;id&gt;</c>),
/// so the choice survives restarts and is shared by the nodes of one database.
/// </summary>
internal sealed class PluginStateStore(ICrmStore store)
{
    private const int Attempts = 3;

    public async Task<bool> IsDisabledAsync(string id, CancellationToken cancellationToken)
    {
        await using var session = await store.BeginAsync(write: false, cancellationToken);
        var stored = await session.ReadSettingAsync(Key(id), cancellationToken);
        return stored is not null && JsonNode.Parse(stored.Value)?["disabled"]?.GetValue<bool>() == true;
    }

    public async Task SetDisabledAsync(string id, bool disabled, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var session = await store.BeginAsync(write: true, cancellationToken);
            var stored = await session.ReadSettingAsync(Key(id), cancellationToken);
            try
            {
                await session.WriteSettingAsync(Key(id), new JsonObject { ["disabled"] = disabled }.ToJsonString(), stored?.Version ?? 0, cancellationToken);
                await session.CommitAsync(cancellationToken);
                return;
            }
            catch (SettingConcurrencyException) when (attempt < Attempts)
            {
                // Another node wrote the same plugin's state between our read and write: read again and retry.
            }
        }
    }

    private static string Key(string id) => "plugin-state:" + id;
}
