using './main.bicep'

param location = 'germanywestcentral'
