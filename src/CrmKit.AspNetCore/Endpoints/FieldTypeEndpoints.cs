using System.Text.Json;
using CrmKit.AspNetCore.Http;
using CrmKit.AspNetCore.Json;
using CrmKit.Core.Fields;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CrmKit.AspNetCore.Endpoints;

/// <summary>
/// <c>GET /api/metadata/field-types</c>: the field types a field may have right now (built-in and those of loaded
/// modules and plugins), each with its owner.
/// </summary>
internal static class FieldTypeEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints) => endpoints.MapGet("/api/metadata/field-types", List);

    private static JsonWriterResult List(HttpContext context)
    {
        var types = ApiRequest.GetService<IFieldTypeCatalog>(context).List();
        var culture = RequestLanguage.Get(context);
        return new JsonWriterResult(StatusCodes.Status200OK, w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("items");
            foreach (var type in types)
            {
                Write(w, type, culture);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    private static void Write(Utf8JsonWriter writer, FieldTypeInfo type, System.Globalization.CultureInfo culture)
    {
        var descriptor = type.Descriptor;
        writer.WriteStartObject();
        writer.WriteString("name", descriptor.Name);
        writer.WriteString("valueKind", type.ValueKindName);
        writer.WriteString("displayName", descriptor.DisplayName.Get(culture));
        writer.WriteString("owner", type.Owner);
        writer.WritePropertyName("baseSchema");
        descriptor.GetBaseSchema().WriteTo(writer);
        writer.WriteEndObject();
    }
}
