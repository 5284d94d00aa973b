using System.Text.Json.Nodes;
using CrmKit.Sdk.Builders;
using CrmKit.Sdk.Extensibility;
using CrmKit.Sdk.Fields;
using CrmKit.Sdk.Localization;

namespace Fixture.Bench;

/// <summary>
/// The benchmark copies this plugin into many folders with rewritten manifest ids, so every name it registers
/// derives from <see cref="ICrmBuilder.ModuleId"/>: the field type <c>&lt;id&gt;.code</c> and the contact field
/// <c>bench_&lt;id with dots and hyphens as underscores&gt;</c>. The runtime requires <see cref="Id"/> to equal the
/// manifest id and loads the assembly from memory (so the module cannot find its folder's manifest), so the benchmark
/// also rewrites the <c>"fixture.bench"</c> string literal below in each copy's Fixture.Bench.dll (same length, see
/// tests/CrmKit.Benchmarks/Plugins/BenchPluginSet.cs): keep it a single literal.
/// </summary>
public sealed class BenchModule : ICrmModule
{
    public string Id => "fixture.bench";

    public void Configure(ICrmBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var suffix = builder.ModuleId.Replace('.', '_').Replace('-', '_');
        builder.FieldTypes.Add(new BenchFieldType(builder.ModuleId + ".code"));
        builder.Entities.Extend("contact", contact => contact.Text("bench_" + suffix));
    }

    private sealed class BenchFieldType(string name) : FieldType(new FieldTypeDescriptor(
        name, FieldValueKind.Text, new JsonObject { ["type"] = "string" }, LocalizedText.Of("Bench code")));
}
