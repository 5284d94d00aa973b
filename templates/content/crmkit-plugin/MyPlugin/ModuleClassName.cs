using CrmKit.Sdk.Builders;
using CrmKit.Sdk.Extensibility;

namespace MyPlugin;

/// <summary>
/// The plugin's entry point: the host creates it with its parameterless constructor and calls
/// <see cref="Configure"/> once, with a builder that records this plugin as the owner of what it registers.
/// </summary>
public sealed class ModuleClassName : ICrmModule
{
    /// <summary>The plugin id; it must equal CrmKitPluginId in the project file.</summary>
    public const string PluginId = "my.plugin";

    /// <summary>The name of the field this plugin adds to contacts.</summary>
    public const string RatingField = "my_plugin_rating";

    /// <inheritdoc />
    public string Id => PluginId;

    /// <inheritdoc />
    public void Configure(ICrmBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        builder.FieldTypes.Add(new RatingFieldType());
        builder.Entities.Extend("contact", contact => contact
            .Field(RatingField, RatingFieldType.TypeName, f => f.Label("Rating", "Рейтинг")));
        builder.AddRecordHook<DefaultRatingHook>();
    }
}
