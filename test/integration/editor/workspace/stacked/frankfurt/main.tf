provider "aws" {
  region = "eu-central-1"
}

module "bucket" {
  source = "../modules/bucket"
  name   = "frankfurt"
}
