namespace CrmKit.Core.Messaging;

/// <summary>
/// One channel instance, configured under <c>CrmKit:Channels:{instanceId}</c>: a bot, a VK community, a website form.
/// </summary>
public sealed class ChannelInstanceOptions
{
    /// <summary>The channel type a plugin registered, for example <c>telegram</c>, <c>vk</c> or <c>web-form</c>.</summary>
    public string? Type { get; set; }

    /// <summary>
    /// The service account inbound messages are stored as (its roles must allow creating contacts, leads and
    /// activities). Required.
    /// </summary>
    public string? ServiceAccount { get; set; }

    /// <summary>Whether the instance accepts webhooks and sends (default true).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The instance's settings (tokens, secrets, base URLs), passed to the channel as strings.</summary>
    public Dictionary<string, string> Settings { get; set; } = new(StringComparer.Ordinal);
}
