using CrmKit.Sdk.Localization;

namespace CrmKit.Sdk.Integrations;

/// <summary>What a registry-lookup provider is.</summary>
public sealed class RegistryLookupDescriptor
{
    /// <summary>Creates a descriptor.</summary>
    /// <param name="name">
    /// The provider's name, used in configuration to choose among several (for example <c>dadata</c>).
    /// </param>
    /// <param name="displayName">The localized name shown to users.</param>
    public RegistryLookupDescriptor(string name, LocalizedText displayName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(displayName);
        Name = name;
        DisplayName = displayName;
    }

    /// <summary>The provider's name, used in configuration to choose among several.</summary>
    public string Name { get; }

    /// <summary>The localized name shown to users.</summary>
    public LocalizedText DisplayName { get; }

    /// <inheritdoc />
    public override string ToString() => Name;
}
