using System.Text.Json.Nodes;
using CrmKit.Sdk.Errors;

namespace MyPlugin.Tests;

public sealed class ModuleClassNameTests : IAsyncLifetime
{
    private PluginHost? _host;

    private PluginHost Crm => _host ?? throw new InvalidOperationException("The host is not started.");

    public async Task InitializeAsync() => _host = await PluginHost.StartAsync();

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    [Fact]
    public async Task CreateContact_ShouldStoreStarsAsNumber()
    {
        var contact = await CreateContactAsync(new JsonObject { ["first_name"] = "Anna", [ModuleClassName.RatingField] = "★★★★" });

        contact.Values[ModuleClassName.RatingField]!.GetValue<int>().ShouldBe(4);
    }

    [Fact]
    public async Task CreateContact_ShouldGetDefaultRating_WhenNoneIsGiven()
    {
        var contact = await CreateContactAsync(new JsonObject { ["first_name"] = "Boris" });

        contact.Values[ModuleClassName.RatingField]!.GetValue<int>().ShouldBe(DefaultRatingHook.DefaultRating);
    }

    [Fact]
    public async Task CreateContact_ShouldBeRefused_WhenRatingIsOutOfRange()
    {
        var error = await Should.ThrowAsync<CrmException>(() =>
            CreateContactAsync(new JsonObject { ["first_name"] = "Vera", [ModuleClassName.RatingField] = 7 }));

        error.Errors.ShouldContain(e => e.Pointer.EndsWith("/" + ModuleClassName.RatingField, StringComparison.Ordinal));
    }

    [Fact]
    public async Task CreateContact_ShouldBeRefused_WhenRatingIsNotARating()
    {
        var error = await Should.ThrowAsync<CrmException>(() =>
            CreateContactAsync(new JsonObject { ["first_name"] = "Gleb", [ModuleClassName.RatingField] = "excellent" }));

        error.Errors.ShouldContain(e => e.Code == RatingFieldType.InvalidCode);
    }

    private async Task<CrmKit.Sdk.Records.CrmRecord> CreateContactAsync(JsonObject values)
    {
        var created = await Crm.Records.CreateAsync(PluginHost.User, "contact", [values]);
        return (await Crm.Records.GetAsync(PluginHost.User, "contact", created[0].Id))!;
    }
}
