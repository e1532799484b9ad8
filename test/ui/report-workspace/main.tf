provider "aws" {
  region = "eu-central-1"
}

resource "aws_s3_bucket" "invoices" {
  bucket = "invoices"
}

resource "aws_dynamodb_table" "orders" {
  name     = "orders"
  hash_key = "id"
  replica {
    region_name = "us-east-1"
  }
}

# cloud-act-lens:ignore CAL001 expires=2027-06-30 -- public marketing assets only
resource "aws_s3_bucket" "marketing" {
  bucket = "marketing"
}

resource "aws_sqs_queue" "jobs" {
  name = "jobs"
}
