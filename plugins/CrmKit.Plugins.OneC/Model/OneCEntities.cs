namespace CrmKit.Plugins.OneC.Model;

/// <summary>The entities and fields the plugin defines or reads, by name.</summary>
internal static class OneCEntities
{
    public const string Product = "product";
    public const string DealLine = "deal_line";
    public const string Exchange = "onec_exchange";
    public const string Deal = "deal";
    public const string Company = "company";
    public const string Contact = "contact";

    /// <summary>The 1C identifier (<c>Ид</c>) of a product, company or deal that came from 1C.</summary>
    public const string OneCId = "onec_id";
}
