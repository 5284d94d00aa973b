using System.Text.Json;
using System.Text.Json.Nodes;
using CrmKit.Sdk.Settings;

namespace CrmKit.Core.Settings;

/// <summary>What a module injects to read its settings: the service's in-memory copy of the latest save.</summary>
internal sealed class ModuleSettings(DefaultModuleSettingsService service, string moduleId) : IModuleSettings
{
    public string ModuleId { get; } = moduleId;

    public long Version => service.GetSnapshot(ModuleId).Version;

    public JsonObject GetCurrent() => service.GetCurrent(ModuleId);

    public T Get<T>(JsonSerializerOptions? options = null) =>
        // Not the shared JsonSerializerOptions.Web: its metadata cache would keep a plugin's types (and so its load
        // context) alive after the plugin is unloaded. Settings are read rarely; fresh options cost little.
        GetCurrent().Deserialize<T>(options ?? new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
}
