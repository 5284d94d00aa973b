using CrmKit.Sdk.Extensibility;

namespace CrmKit.Plugins.Telegram;

/// <summary>The Telegram plugin (docs/integrations/telegram.md): the <c>telegram</c> message channel.</summary>
public sealed class TelegramModule : ICrmModule
{
    /// <summary>The plugin id.</summary>
    public const string PluginId = "crmkit.telegram";

    /// <inheritdoc />
    public string Id => PluginId;

    /// <inheritdoc />
    public void Configure(ICrmBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddMessageChannel<TelegramChannel>();
    }
}
