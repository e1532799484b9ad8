@description('Customer documents')
resource docs 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: 'calensdocs'
  location: 'westeurope'
  sku: {
    name: 'Standard_LRS'
  }
  kind: 'StorageV2'
}
