using System.Text.Json.Nodes;

namespace CrmKit.Core.Templates;

/// <summary>
/// Evaluates Scriban expressions (workflow conditions and computed values) in the same sandbox as
/// <see cref="ITemplateRenderer"/>; compiled expressions are cached by source.
/// </summary>
public interface IScriptEvaluator
{
    /// <summary>
    /// Evaluates an expression as a condition, for example <c>record.stage == "won" &amp;&amp; record.amount.amount &gt; 1000</c>.
    /// Null and false are false; anything else is true.
    /// </summary>
    /// <param name="expression">The expression.</param>
    /// <param name="model">The model.</param>
    /// <param name="ct">Cancels the operation.</param>
    /// <returns>The truth of the expression.</returns>
    ValueTask<bool> EvaluateConditionAsync(string expression, TemplateModel model, CancellationToken ct);

    /// <summary>Evaluates an expression and returns its value as JSON (objects, arrays, strings, numbers, booleans).</summary>
    /// <param name="expression">The expression.</param>
    /// <param name="model">The model.</param>
    /// <param name="ct">Cancels the operation.</param>
    /// <returns>The value, or null.</returns>
    ValueTask<JsonNode?> EvaluateAsync(string expression, TemplateModel model, CancellationToken ct);
}
