using System.Text.Json.Nodes;

namespace CrmKit.Plugins.OneC.Import;

/// <summary>What an import wrote.</summary>
internal sealed class ImportResult
{
    public int Companies { get; set; }

    public int Contacts { get; set; }

    public int ProductsCreated { get; set; }

    public int ProductsUpdated { get; set; }

    public int DealsCreated { get; set; }

    public int DealsUpdated { get; set; }

    public int Lines { get; set; }

    public int DocumentsSkipped { get; set; }

    /// <summary>Companies saved without the ИНН/КПП the file gave, because the requisites checks refused them.</summary>
    public int RequisitesRefused { get; set; }

    public JsonObject ToJson() => new()
    {
        ["companies"] = Companies,
        ["contacts"] = Contacts,
        ["productsCreated"] = ProductsCreated,
        ["productsUpdated"] = ProductsUpdated,
        ["dealsCreated"] = DealsCreated,
        ["dealsUpdated"] = DealsUpdated,
        ["lines"] = Lines,
        ["documentsSkipped"] = DocumentsSkipped,
        ["requisitesRefused"] = RequisitesRefused,
    };
}
