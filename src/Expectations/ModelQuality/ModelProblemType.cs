namespace Dq.Expectations.ModelQuality;

/// <summary>SageMaker Model Monitor's problem types (<c>problem_type</c>), spelled as SageMaker spells them.</summary>
public enum ModelProblemType
{
    /// <summary>Two classes: a positive label (1 by default) and the rest.</summary>
    BinaryClassification,

    /// <summary>More than two classes, each compared by value.</summary>
    MulticlassClassification,

    /// <summary>Numeric labels and predictions.</summary>
    Regression,
}
