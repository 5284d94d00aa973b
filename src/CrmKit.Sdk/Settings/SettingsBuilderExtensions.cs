using System.Text.Json.Nodes;
using CrmKit.Sdk.Extensibility;
using Microsoft.Extensions.DependencyInjection;

namespace CrmKit.Sdk.Settings;

/// <summary>Declares a module's settings.</summary>
public static class SettingsBuilderExtensions
{
    /// <summary>
    /// Declares the module's settings as a JSON Schema object: the host validates every save against it, applies its
    /// <c>default</c> values, and keeps top-level properties marked <c>"writeOnly": true</c> (secrets such as API
    /// tokens) out of every API answer. Read the values by injecting <see cref="IModuleSettings"/>.
    /// </summary>
    /// <param name="builder">The module's builder.</param>
    /// <param name="schema">The settings schema; it must say <c>"type": "object"</c>. It is deep-cloned.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentException">The schema is not an object schema.</exception>
    /// <exception cref="InvalidOperationException">The module declared its settings already.</exception>
    public static ICrmBuilder AddSettings(this ICrmBuilder builder, JsonObject schema)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var settings = new ModuleSettingsSchema(builder.ModuleId, schema);
        foreach (var descriptor in builder.Services)
        {
            if (descriptor.ServiceType == typeof(ModuleSettingsSchema) && !descriptor.IsKeyedService &&
                descriptor.ImplementationInstance is ModuleSettingsSchema existing &&
                string.Equals(existing.ModuleId, builder.ModuleId, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"Module '{builder.ModuleId}' declared its settings twice.");
            }
        }

        // Added, not tried: modules added in code share the host's services, so each contributes its own instance.
        builder.Services.AddSingleton(settings);
        return builder;
    }
}
