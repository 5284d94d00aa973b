using System.Reflection;
using CrmKit.Sdk.Builders;
using CrmKit.Sdk.Extensibility;

namespace Fixture.Hot;

/// <summary>
/// Built twice (Fixture.Hot.V1 and Fixture.Hot.V2, same id and assembly name): registers the field type
/// fixture.hot_score whose display name carries the plugin version, the field contact.hot_score and, in version 2,
/// contact.hot_level.
/// </summary>
public sealed class HotModule : ICrmModule
{
    public static string PluginVersion { get; } =
        typeof(HotModule).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion.Split('+')[0];

    public string Id => "fixture.hot";

    public void Configure(ICrmBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.FieldTypes.Add(new HotScoreFieldType());
        builder.Entities.Extend("contact", contact =>
        {
            contact.Field("hot_score", HotScoreFieldType.Name);
#if HOT_V2
            contact.Text("hot_level");
#endif
        });
    }
}
