# CloudWatch alarms on the metrics dq writes as Embedded Metric Format lines (docs/metrics.md): add this file to a
# Terraform configuration that has the AWS provider, and set the variables. The metrics appear in CloudWatch once dq's
# EMF lines reach CloudWatch Logs (`--metrics-emf -` on Lambda or ECS, or a file the CloudWatch agent collects).

variable "dq_namespace" {
  description = "The namespace dq writes to (--metrics-namespace, or `namespace` of the emit_metrics action)."
  type        = string
  default     = "dq"
}

variable "dq_suite" {
  description = "The suite's name: the Suite dimension."
  type        = string
  default     = "orders"
}

variable "dq_data_asset" {
  description = "The data as the run names it (the checkpoint's path relative to the project): the DataAsset dimension."
  type        = string
  default     = "data/orders.csv"
}

variable "alarm_topic_arn" {
  description = "The SNS topic that alarms notify."
  type        = string
}

# Any expectation not met (warn-severity ones included; alarm on dq.validation.success < 1 to follow the gate).
resource "aws_cloudwatch_metric_alarm" "dq_expectations_failed" {
  alarm_name        = "dq-${var.dq_suite}-expectations-failed"
  alarm_description = "dq: expectations of suite ${var.dq_suite} failed on ${var.dq_data_asset}. See the run in the data docs or `dq runs list`."
  namespace         = var.dq_namespace
  metric_name       = "dq.expectations.failed"
  dimensions = {
    Suite     = var.dq_suite
    DataAsset = var.dq_data_asset
  }
  statistic           = "Maximum"
  period              = 300
  evaluation_periods  = 1
  comparison_operator = "GreaterThanThreshold"
  threshold           = 0
  # Data points exist only when a run happens: a quiet period is not a failure (the next alarm watches for silence).
  treat_missing_data = "notBreaching"
  alarm_actions      = [var.alarm_topic_arn]
  ok_actions         = [var.alarm_topic_arn]
}

# No run in a day: the pipeline that runs dq stopped.
resource "aws_cloudwatch_metric_alarm" "dq_no_runs" {
  alarm_name        = "dq-${var.dq_suite}-no-runs"
  alarm_description = "dq: no validation of suite ${var.dq_suite} on ${var.dq_data_asset} in the last day."
  namespace         = var.dq_namespace
  metric_name       = "dq.validation.success"
  dimensions = {
    Suite     = var.dq_suite
    DataAsset = var.dq_data_asset
  }
  statistic           = "SampleCount"
  period              = 86400
  evaluation_periods  = 1
  comparison_operator = "LessThanThreshold"
  threshold           = 1
  treat_missing_data  = "breaching"
  alarm_actions       = [var.alarm_topic_arn]
}

# One expectation on one column: more than 1% of `customer_id` null.
resource "aws_cloudwatch_metric_alarm" "dq_customer_id_nulls" {
  alarm_name        = "dq-${var.dq_suite}-customer-id-nulls"
  alarm_description = "dq: more than 1% of customer_id is null in ${var.dq_data_asset}."
  namespace         = var.dq_namespace
  metric_name       = "dq.expectation.unexpected_percent"
  dimensions = {
    Suite       = var.dq_suite
    DataAsset   = var.dq_data_asset
    Expectation = "expect_column_values_to_not_be_null"
    Column      = "customer_id"
  }
  statistic           = "Maximum"
  period              = 300
  evaluation_periods  = 1
  comparison_operator = "GreaterThanThreshold"
  threshold           = 1
  treat_missing_data  = "notBreaching"
  alarm_actions       = [var.alarm_topic_arn]
}
