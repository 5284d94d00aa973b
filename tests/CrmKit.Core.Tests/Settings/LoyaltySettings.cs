namespace CrmKit.Core.Tests.Settings;

/// <summary>The typed view of <see cref="SettingsTestModule"/>'s settings.</summary>
internal sealed class LoyaltySettings
{
    public string? Endpoint { get; set; }

    public decimal Rate { get; set; }

    public int Retries { get; set; }

    public string? Token { get; set; }
}
