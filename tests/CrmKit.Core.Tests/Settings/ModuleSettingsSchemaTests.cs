using System.Text.Json.Nodes;
using CrmKit.Core.Settings;
using CrmKit.Core.Tests.Services;
using CrmKit.Sdk.Errors;
using CrmKit.Sdk.Settings;
using Microsoft.Extensions.DependencyInjection;

namespace CrmKit.Core.Tests.Settings;

public sealed class ModuleSettingsSchemaTests
{
    [Fact]
    public void Constructor_ShouldRefuseASchemaThatIsNotAnObjectSchema()
    {
        Should.Throw<ArgumentException>(() => new ModuleSettingsSchema("m", new JsonObject { ["type"] = "string" }));
        Should.Throw<ArgumentException>(() => new ModuleSettingsSchema("m", []));
    }

    [Fact]
    public void GetSchema_ShouldReturnACopy_OfACopy()
    {
        var source = SettingsTestModule.Schema();
        var schema = new ModuleSettingsSchema("m", source);

        source["title"] = "changed";
        schema.GetSchema()["title"] = "changed too";

        schema.GetSchema()["title"]!.GetValue<string>().ShouldBe("Loyalty");
    }

    [Fact]
    public void AddSettings_ShouldRegisterTheSchemaUnderTheModuleId_AndRefuseASecondCall()
    {
        var services = new ServiceCollection();
        var builder = services.AddCrmKit(o => o.IncludeStandardModel = false);
        var module = new SettingsTestModule();
        builder.AddModule(module);

        var registered = services.Single(d => d.ServiceType == typeof(ModuleSettingsSchema)).ImplementationInstance;
        registered.ShouldBeOfType<ModuleSettingsSchema>().ModuleId.ShouldBe(SettingsTestModule.ModuleId);
        Should.Throw<InvalidOperationException>(() => SettingsBuilderExtensions.AddSettings(
            new ReconfiguringBuilder(builder, SettingsTestModule.ModuleId), SettingsTestModule.Schema()));
    }

    [Fact]
    public async Task RegisterSchema_ShouldRefuseAKeywordTheValidatorDoesNotSupport()
    {
        await using var host = await CrmTestHost.StartAsync();
        var settings = host.Services.GetRequiredService<IModuleSettingsService>();
        var schema = JsonNode.Parse("""{"type": "object", "properties": {"a": {"anyOf": [{"type": "string"}]}}}""")!.AsObject();

        var error = Should.Throw<CrmException>(() => settings.RegisterSchema("acme.bad", new ModuleSettingsSchema("acme.bad", schema)));

        error.Code.ShouldBe(SettingsErrorCodes.InvalidSchema);
        error.Errors.ShouldHaveSingleItem().Pointer.ShouldBe("/properties/a");
        settings.HasSchema("acme.bad").ShouldBeFalse();
    }

    [Fact]
    public async Task RegisterSchema_ShouldBeIdempotent_AndUnregisterShouldForget()
    {
        await using var host = await CrmTestHost.StartAsync(b => b.AddModule(new SettingsTestModule()));
        var settings = host.Services.GetRequiredService<IModuleSettingsService>();
        var id = SettingsTestModule.ModuleId;

        settings.RegisterSchema(id, new ModuleSettingsSchema(id, SettingsTestModule.Schema()));
        settings.HasSchema(id).ShouldBeTrue();
        Should.Throw<ArgumentException>(() => settings.RegisterSchema("other", new ModuleSettingsSchema(id, SettingsTestModule.Schema())));

        settings.Unregister(id);
        settings.HasSchema(id).ShouldBeFalse();
        (await Should.ThrowAsync<CrmException>(() => settings.GetAsync(id, CancellationToken.None))).Code
            .ShouldBe(SettingsErrorCodes.ModuleNotFound);
    }

    /// <summary>A second builder for the same module over the same services, as a module configuring twice would get.</summary>
    private sealed class ReconfiguringBuilder(CrmKitBuilder inner, string moduleId) : Sdk.Extensibility.ICrmBuilder
    {
        public string ModuleId => moduleId;

        public IServiceCollection Services => inner.Services;

        public Sdk.Extensibility.IEntityRegistry Entities => inner.Entities;

        public Sdk.Extensibility.IFieldTypeRegistry FieldTypes => inner.FieldTypes;
    }
}
