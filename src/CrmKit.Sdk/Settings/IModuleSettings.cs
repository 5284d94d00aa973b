using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CrmKit.Sdk.Settings;

/// <summary>
/// A module's current settings, as last saved by an administrator, with the schema's <c>default</c> values filled in.
/// Inject it in module or plugin code; every read sees the latest save, so do not keep the values longer than needed.
/// </summary>
public interface IModuleSettings
{
    /// <summary>The id of the module whose settings these are.</summary>
    string ModuleId { get; }

    /// <summary>The version of the saved settings: 0 until they are first saved, then 1, 2...</summary>
    long Version { get; }

    /// <summary>Returns a copy of the current values, secrets included, with the schema's defaults applied.</summary>
    /// <returns>A new object each call.</returns>
    JsonObject GetCurrent();

    /// <summary>Deserializes the current values (as <see cref="GetCurrent"/> returns them).</summary>
    /// <typeparam name="T">The settings type.</typeparam>
    /// <param name="options">Serializer options; null for <see cref="JsonSerializerOptions.Web"/> (camelCase names).</param>
    /// <returns>The values.</returns>
    [SuppressMessage("Naming", "CA1716", Justification = "Get<T> mirrors configuration's binder (section.Get<T>()); a module implements nothing here, the host does.")]
    T Get<T>(JsonSerializerOptions? options = null);
}
