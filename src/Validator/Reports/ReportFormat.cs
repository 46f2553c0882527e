namespace Conformance.Validator.Reports;

/// <summary>The shapes a validation report can be written in; <see cref="ReportWriter"/> picks the writer.</summary>
public enum ReportFormat
{
    /// <summary>For people: findings grouped by store key, the rules that fired, a summary line.</summary>
    Text,

    /// <summary>For scripts: the document described by <c>spec/report.schema.json</c>.</summary>
    Json,

    /// <summary>SARIF 2.1.0 in the subset GitHub code scanning accepts.</summary>
    Sarif,

    /// <summary>JUnit XML, for CI systems that render test results.</summary>
    Junit,
}
