using Dq.Expectations.Baselines;

namespace Dq.Expectations.Monitoring;

/// <summary>Reads and writes SageMaker Model Monitor's <c>constraint_violations.json</c>: <c>{"violations": [{feature_name, constraint_check_type, description}]}</c>.</summary>
public static class ConstraintViolationsJson
{
    /// <summary>The file's text.</summary>
    public static string Write(IReadOnlyList<ConstraintViolation> violations)
    {
        ArgumentNullException.ThrowIfNull(violations);
        return Write("feature_name", violations.Select(v => (v.FeatureName, v.CheckType, v.Description)));
    }

    /// <summary>
    /// <c>{"violations": [{&lt;subject&gt;, constraint_check_type, description}]}</c>: data quality names a feature
    /// (<c>feature_name</c>), model quality a metric (<c>metric_name</c>).
    /// </summary>
    internal static string Write(string subjectKey, IEnumerable<(string Subject, string CheckType, string Description)> violations) =>
        BaselineJsonWriting.Write(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("violations");
            foreach (var (subject, checkType, description) in violations)
            {
                w.WriteStartObject();
                w.WriteString(subjectKey, subject);
                w.WriteString("constraint_check_type", checkType);
                w.WriteString("description", description);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        });

    /// <summary>Reads a constraint_violations.json written by dq or SageMaker.</summary>
    /// <exception cref="ConfigurationException">The text is not in that shape; the message says where.</exception>
    public static IReadOnlyList<ConstraintViolation> Read(string json, string file)
    {
        var root = BaselineJsonReader.Parse(json, file);
        return [.. root.Required("violations").Items().Select(v => new ConstraintViolation(
            v.Required("feature_name").String(),
            v.Required("constraint_check_type").String(),
            v.Optional("description")?.String() ?? ""))];
    }
}
