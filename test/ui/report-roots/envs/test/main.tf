provider "aws" {
  region = "eu-west-1"
}

module "store" {
  source = "../../modules/store"
  name   = "test-invoices"
}

resource "aws_sqs_queue" "jobs" {
  name = "test-jobs"
}
