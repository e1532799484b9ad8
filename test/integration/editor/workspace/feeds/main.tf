variable "region" {
  type = string
}

provider "aws" {
  region = var.region
}

resource "aws_s3_bucket" "a" {
  bucket = "feeds-a"
}

resource "aws_s3_bucket" "b" {
  bucket = "feeds-b"
}
