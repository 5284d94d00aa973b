using System.Text.Json.Nodes;
using CrmKit.Plugins.Manifest;
using CrmKit.Sdk.Builders;
using CrmKit.Sdk.Extensibility;
using CrmKit.Sdk.Fields;
using CrmKit.Sdk.Localization;
using NuGet.Versioning;

namespace CrmKit.AspNetCore.Tests.Plugins;

/// <summary>A plugin the test host adds in code: the field type test.rating (an integer 1-5) and contact.test_rating.</summary>
public sealed class RatingPlugin : ICrmModule
{
    public const string PluginId = "test.rating";
    public const string TypeName = "test.rating";
    public const string FieldName = "test_rating";

    public static PluginManifest Manifest { get; } =
        new(PluginId, NuGetVersion.Parse("1.0.0"), VersionRange.Parse("[0.1.0, 1.0.0)"))
        {
            DisplayName = "Ratings",
            Description = "A 1-5 rating on contacts.",
        };

    public string Id => PluginId;

    public void Configure(ICrmBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.FieldTypes.Add(new RatingFieldType());
        builder.Entities.Extend("contact", contact => contact.AddField(FieldName, TypeName));
    }

    private sealed class RatingFieldType() : FieldType(new FieldTypeDescriptor(
        TypeName, FieldValueKind.Integer, new JsonObject { ["type"] = "integer", ["minimum"] = 1, ["maximum"] = 5 },
        LocalizedText.Of("Rating", "Оценка")));
}
